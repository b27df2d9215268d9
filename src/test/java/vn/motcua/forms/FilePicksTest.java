package vn.motcua.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.motcua.shared.InvalidInputException;

/**
 * The files picked in a form's file pickers are resolved picker by picker, in the form's order; when the resolver
 * refuses several pickers' files (not staged, of a type the picker does not take), every refusal is reported at once,
 * each naming its field, and the pickers it took are resolved in the data.
 */
class FilePicksTest {
    private final Forms forms = new Forms(Clock.systemUTC());
    private final FormSchema schema = FormSamples.parse(
            "{\"type\": \"filepicker\", \"id\": \"F\", \"key\": \"banVe\", \"label\": \"Bản vẽ\", \"accept\": \".pdf\", \"multiple\": true},"
            + "{\"type\": \"filepicker\", \"id\": \"G\", \"key\": \"anh\", \"label\": \"Ảnh hiện trạng\", \"accept\": \"image/*\"},"
            + "{\"type\": \"filepicker\", \"id\": \"H\", \"key\": \"giayTo\", \"label\": \"Giấy tờ khác\"}");

    @Test
    void everyRefusedPickerIsReportedAtOnceNamingItsField() {
        Map<String, Object> data = new HashMap<>(Map.of("banVe", List.of("ref-1", "ref-2"), "anh", List.of("ref-3"),
                "giayTo", List.of("ref-4")));
        List<String> tried = new ArrayList<>();

        var refused = catchThrowableOfType(() -> forms.resolveFilePicks(schema, data, pick -> {
            tried.add(pick.field());
            if (!pick.field().equals("anh")) {
                throw new InvalidInputException("data." + pick.field(), pick.component().label() + ": tệp không còn được lưu tạm");
            }
            return List.of(Map.of("documentId", "7"));
        }), InvalidInputException.class);

        assertThat(tried).as("every picker tried, in the form's order").containsExactly("banVe", "anh", "giayTo");
        assertThat(refused.violations()).extracting(InvalidInputException.Violation::field)
                .containsExactly("data.banVe", "data.giayTo");
        assertThat(refused.violations().get(0).message()).startsWith("Bản vẽ");
        assertThat(data.get("anh")).as("the picker taken is resolved").isEqualTo(List.of(Map.of("documentId", "7")));
    }

    @Test
    void pickersAllTakenAreAllResolved() {
        Map<String, Object> data = new HashMap<>(Map.of("banVe", List.of("ref-1"), "anh", List.of("ref-3")));
        forms.resolveFilePicks(schema, data, pick -> "đã nhận " + pick.references().size());
        assertThat(data).containsEntry("banVe", "đã nhận 1").containsEntry("anh", "đã nhận 1");
    }
}

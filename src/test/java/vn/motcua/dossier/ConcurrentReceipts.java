package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import vn.motcua.BirthRegistrationSample;
import vn.motcua.TestUsers;

/** Many clerks of one ward receiving at the same moment: every dossier gets its own code, in sequence, none lost. */
public final class ConcurrentReceipts {
    private ConcurrentReceipts() { }

    public static void assertDistinctConsecutiveCodes(DossierService dossiers, TestUsers users, int count) throws Exception {
        var pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> receipts = IntStream.range(0, count).<Callable<String>>mapToObj(i -> () -> {
                users.signInAs("clerk");
                try {
                    return dossiers.receive(BirthRegistrationSample.inPerson()).code();
                } finally {
                    users.signOut();
                }
            }).toList();
            List<String> codes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(receipts)) codes.add(f.get());

            assertThat(codes).doesNotHaveDuplicates().hasSize(count);
            // Same unit, and (unless the test straddles midnight in Vietnam) the same day: consecutive numbers
            var byDay = codes.stream().collect(java.util.stream.Collectors.groupingBy(c -> c.substring(0, c.lastIndexOf('-'))));
            for (var day : byDay.values()) {
                var numbers = day.stream().map(c -> Integer.parseInt(c.substring(c.lastIndexOf('-') + 1))).sorted().toList();
                assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).as("no gaps").isEqualTo(numbers.size() - 1);
            }
            users.signInAs("clerk");
            for (String code : codes) assertThat(dossiers.get(code).status()).isEqualTo(DossierStatus.IN_PROCESS);
            users.signOut();
        } finally {
            pool.shutdownNow();
        }
    }
}

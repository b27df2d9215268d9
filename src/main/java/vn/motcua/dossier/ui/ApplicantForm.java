package vn.motcua.dossier.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import vn.motcua.dossier.Applicant;
import vn.motcua.organisation.Unit;
import vn.motcua.shared.InvalidInputException;

/**
 * The applicant's fields (người nộp hồ sơ) of the desk's intake and of the online submission: full name, identity
 * number, phone, e-mail, address and the commune, ward or special zone of residence, with the element ids the tests and the browser walk use ({@code applicant-*}), the
 * characters each field accepts, and the service's violations ({@code applicant.*}) shown on their fields.
 */
class ApplicantForm extends FormLayout {
    private final TextField fullName = new TextField();
    private final TextField idNumber = new TextField();
    private final TextField phone = new TextField();
    private final EmailField email = new EmailField();
    private final TextField address = new TextField();
    private final ComboBox<Unit> residence = new ComboBox<>();

    /**
     * @param communes the communes, wards and special zones an applicant may live in (those of the province, open),
     *                 in the order to offer them
     */
    ApplicantForm(List<Unit> communes) {
        fullName.setId("applicant-fullName");
        fullName.setLabel(getTranslation("dossier.applicant.fullName"));
        fullName.setRequiredIndicatorVisible(true);
        fullName.setMaxLength(255);
        idNumber.setId("applicant-idNumber");
        idNumber.setLabel(getTranslation("dossier.applicant.idNumber"));
        idNumber.setAllowedCharPattern("[0-9-]");
        idNumber.setMaxLength(14);
        phone.setId("applicant-phone");
        phone.setLabel(getTranslation("dossier.applicant.phone"));
        phone.setAllowedCharPattern("[0-9+ .]");
        email.setId("applicant-email");
        email.setLabel(getTranslation("dossier.applicant.email"));
        address.setId("applicant-address");
        address.setLabel(getTranslation("dossier.applicant.address"));
        address.setMaxLength(500);
        residence.setId("applicant-residence");
        residence.setLabel(getTranslation("dossier.applicant.residence"));
        residence.setHelperText(getTranslation("dossier.applicant.residence.helper"));
        residence.setItems(communes);
        residence.setItemLabelGenerator(u -> u.placeName(getLocale()));
        residence.setClearButtonVisible(true);
        add(fullName, idNumber, phone, email, address, residence);
        setColspan(address, 2);
    }

    /** Offers these communes of residence (keeping the one chosen when it is among them). */
    void setCommunes(List<Unit> communes) {
        Unit chosen = residence.getValue();
        residence.setItems(communes);
        if (chosen != null && communes.contains(chosen)) residence.setValue(chosen);
    }

    /** The applicant as entered. */
    Applicant value() {
        return new Applicant(fullName.getValue(), idNumber.getValue(), phone.getValue(), email.getValue(), address.getValue(),
                residence.getValue() == null ? null : residence.getValue().identifier());
    }

    /** Fills the full name (a citizen submits for themselves). */
    void setFullName(String name) {
        if (name != null) fullName.setValue(name);
    }

    /**
     * Fills and locks the name and identity number the e-identity provider verified: the citizen submits as that person
     * (the service refuses any other).
     */
    void setVerified(String name, String number) {
        fullName.setValue(name);
        idNumber.setValue(number);
        fullName.setReadOnly(true);
        idNumber.setReadOnly(true);
        fullName.setHelperText(getTranslation("dossier.applicant.verified"));
        idNumber.setHelperText(getTranslation("dossier.applicant.verified"));
    }

    /**
     * Shows the violations of the applicant's fields on those fields.
     *
     * @return the violations of other fields, left to the view
     */
    List<InvalidInputException.Violation> show(List<InvalidInputException.Violation> violations) {
        var others = new ArrayList<InvalidInputException.Violation>();
        for (var v : violations) {
            switch (v.field()) {
                case "applicant.fullName" -> invalid(fullName, v.message());
                case "applicant.idNumber" -> invalid(idNumber, v.message());
                case "applicant.phone" -> invalid(phone, v.message());
                case "applicant.email" -> invalid(email, v.message());
                case "applicant.address" -> invalid(address, v.message());
                case "applicant.residence" -> invalid(residence, v.message());
                default -> others.add(v);
            }
        }
        return others;
    }

    /** Empties every field. */
    void clear() {
        fullName.clear();
        idNumber.clear();
        phone.clear();
        email.clear();
        address.clear();
        residence.clear();
    }

    private static void invalid(HasValidation field, String message) {
        field.setInvalid(true);
        field.setErrorMessage(message);
    }
}

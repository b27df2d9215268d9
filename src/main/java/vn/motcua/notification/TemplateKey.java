package vn.motcua.notification;

/** What a notification tells the applicant: one template each. */
public enum TemplateKey {
    /** The desk received the dossier: its code and the appointment date. */ RECEIVED,
    /** The desk accepted the online submission: its code and the appointment date. */ ACCEPTED,
    /** The desk refused the online submission, with the reason. */ REFUSED,
    /** A supplement is asked (form 02), with what is missing. */ SUPPLEMENT_REQUESTED,
    /** The fee is to be paid. */ PAYMENT_REQUESTED,
    /** An apology with a new date (form 04). */ APOLOGY,
    /** The result is ready to be collected. */ RESULT_READY;

    public String messageKey() { return "notification.template." + name(); }
}

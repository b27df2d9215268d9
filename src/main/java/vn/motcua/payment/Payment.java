package vn.motcua.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** A payment of a dossier's fee, as MotCua records it. */
public record Payment(String id, String dossierCode, BigDecimal amount, String currency, PaymentStatus status,
                      String provider, String providerRef, String payUrl, String qrContent, String createdBy,
                      Instant createdAt, Instant paidAt, Instant finishedAt, String receiptNumber) { }

/**
 * Payment (thanh toán trực tuyến): a dossier's fee paid online through a payment service behind one interface
 * ({@link vn.motcua.payment.PaymentGateway}): the owner starts a payment of a dossier waiting for it (status 6), pays on
 * the service's page, the service's signed callback marks the payment paid exactly once and the dossier runs again
 * (6 → 4, method ONLINE, which indicator 3.6 counts), and an electronic receipt is issued. The sandbox gateway
 * ({@code internal.SandboxGateway}, with its page in {@code ui}) behaves like the national payment platform for the
 * demo and the tests. A daily reconciliation compares MotCua's payments with what the service says. The module owns
 * the tables {@code payment}, {@code payment_*} and {@code sandbox_payment}.
 */
package vn.motcua.payment;

package vn.motcua.payment;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.payment.internal.PaymentRepository;
import vn.motcua.payment.internal.PaymentSettings;
import vn.motcua.payment.internal.ReconciliationJob;

/** The daily reconciliation job, calling the service through its proxy (security, transaction). */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    @Bean
    ReconciliationJob paymentReconciliationJob(PaymentService service, PaymentRepository payments,
                                               PaymentSettings settings, Clock clock) {
        return new ReconciliationJob(service::reconcile, payments, settings, clock);
    }
}

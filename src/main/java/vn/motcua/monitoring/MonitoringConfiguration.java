package vn.motcua.monitoring;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the indicator settings ({@code motcua.indicators.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IndicatorSettings.class)
class MonitoringConfiguration {
}

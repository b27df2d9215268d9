package vn.motcua;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages keep their boundaries: no cycles, no reaching into another feature's internals. */
class ModularityTest {
    @Test
    void featureModulesRespectTheirBoundaries() {
        ApplicationModules.of(MotCuaApplication.class).verify();
    }
}

package fr.rentree.process;

import java.util.Set;

import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The engine's tables are Flyway's (migration V5): the engine must be built after the migrations ran, which Spring
 * Boot does not order by itself (a fresh database otherwise fails with ENGINE-03057, depending on bean order).
 * Registered in {@code META-INF/spring.factories}.
 */
class EngineAfterFlyway extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class, ProcessEngineConfigurationImpl.class);
    }
}

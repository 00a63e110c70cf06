package fr.rentree.base.config;

import java.lang.reflect.Method;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.retry.RetryContext;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A service's transaction that the database gave up for a conflict with another one runs again, whole: an InnoDB
 * deadlock on one server, or on Galera a certification failure at commit when two nodes changed the same rows at
 * once. Both come as SQLState 40001 (error 1213), and both mean nothing of it was written. This covers what users and
 * the scheduled work do through Rentrée's services; the engine retries its own jobs, and Galera retries an
 * auto-committed statement itself ({@code wsrep_retry_autocommit}).
 * <p>
 * Only a method that opens a transaction of its own runs again: one that joins its caller's leaves the running again
 * to the caller, since a transaction that lost is lost whole. Work that left the transaction (an e-mail) is done again
 * with it, which is what a user clicking again would do.
 */
@Configuration(proxyBeanMethods = false)
class ConflictRetry {

    private static final Logger LOG = LoggerFactory.getLogger(ConflictRetry.class);

    /** Four attempts within about a second: a conflict is over in milliseconds, and a user is waiting. */
    private static final int ATTEMPTS = 4;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor conflictRetryAdvisor(TransactionAttributeSource transactionAttributeSource) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return targetClass.getName().startsWith("fr.rentree.")
                        && transactionAttributeSource.getTransactionAttribute(method, targetClass) != null;
            }
        }, new RunAgain(transactionAttributeSource, RetryTemplate.builder()
                .maxAttempts(ATTEMPTS)
                .exponentialBackoff(Duration.ofMillis(50), 2, Duration.ofMillis(400), true)
                .retryOn(SQLTransactionRollbackException.class) // the driver's class for SQLState 40xxx
                .traversingCauses()
                .build()));
        // outside the transaction's own advice (the lowest precedence): each attempt is a new transaction
        advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        return advisor;
    }

    private record RunAgain(TransactionAttributeSource attributes, RetryTemplate retry) implements MethodInterceptor {

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            if (!opensItsOwn(invocation)) {
                return invocation.proceed();
            }
            return retry.execute((RetryContext context) -> {
                if (context.getRetryCount() > 0) {
                    LOG.warn("{} runs again (attempt {}) after a conflict with another transaction: {}",
                            invocation.getMethod().toGenericString(), context.getRetryCount() + 1,
                            context.getLastThrowable().getMessage());
                }
                return ((ProxyMethodInvocation) invocation).invocableClone().proceed();
            });
        }

        private boolean opensItsOwn(MethodInvocation invocation) {
            Class<?> target = invocation.getThis() == null ? invocation.getMethod().getDeclaringClass()
                    : AopUtils.getTargetClass(invocation.getThis());
            TransactionAttribute attribute = attributes.getTransactionAttribute(invocation.getMethod(), target);
            if (attribute == null) {
                return false;
            }
            return switch (attribute.getPropagationBehavior()) {
                case TransactionDefinition.PROPAGATION_REQUIRES_NEW -> true;
                case TransactionDefinition.PROPAGATION_REQUIRED ->
                        !TransactionSynchronizationManager.isActualTransactionActive();
                default -> false;
            };
        }
    }
}

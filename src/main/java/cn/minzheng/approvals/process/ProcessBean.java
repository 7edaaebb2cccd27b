package cn.minzheng.approvals.process;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that BPMN expressions may reference (delegates, the working-day calendar).
 * Expressions see these beans and nothing else.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProcessBean {
}

package cn.minzheng.approvals.admin.check;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import cn.minzheng.approvals.process.CaseProcess;
import cn.minzheng.approvals.process.ProcessBean;
import cn.minzheng.approvals.process.ProcessVariables;

/**
 * The names a model's expressions may use: the whitelisted beans ({@link ProcessBean}) and the
 * variables our code sets — {@link ProcessVariables} and each approval type's {@code VAR_*} constants
 * (its start variables and what its delegates set). Read from the classes, so it needs no Spring
 * context (the command-line check uses it too). Variables that models define themselves (form fields,
 * decision outputs, call activity inputs and outputs, input/output parameters) are added by the checker.
 */
public record ProcessVocabulary(Set<String> beans, Set<String> variables) {

  private static final String ROOT_PACKAGE = "cn.minzheng.approvals";

  public static ProcessVocabulary scan() {
    Set<String> beans = new HashSet<>();
    ClassPathScanningCandidateComponentProvider processBeans = new ClassPathScanningCandidateComponentProvider(false);
    processBeans.addIncludeFilter(new AnnotationTypeFilter(ProcessBean.class));
    AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    for (BeanDefinition bean : processBeans.findCandidateComponents(ROOT_PACKAGE)) {
      if (bean instanceof AnnotatedBeanDefinition) {
        beans.add(names.generateBeanName(bean, registry));
      }
    }

    Set<String> variables = new HashSet<>(constants(ProcessVariables.class, ""));
    ClassPathScanningCandidateComponentProvider caseProcesses = new ClassPathScanningCandidateComponentProvider(false);
    caseProcesses.addIncludeFilter(new AssignableTypeFilter(CaseProcess.class));
    for (BeanDefinition type : caseProcesses.findCandidateComponents(ROOT_PACKAGE)) {
      variables.addAll(constants(load(type.getBeanClassName()), "VAR_"));
    }
    variables.removeAll(constants(ProcessVariables.class, "MESSAGE_")); // message names, not variables
    return new ProcessVocabulary(Set.copyOf(beans), Set.copyOf(variables));
  }

  private static Class<?> load(String name) {
    try {
      return ClassUtils.forName(name, ProcessVocabulary.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> constants(Class<?> type, String prefix) {
    Set<String> values = new HashSet<>();
    for (Field field : type.getFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class
          && field.getName().startsWith(prefix)) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }
}

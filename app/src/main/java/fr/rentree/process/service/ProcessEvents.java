package fr.rentree.process.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import fr.rentree.process.domain.ProcessStarted;
import fr.rentree.process.domain.StepWaiting;
import org.jspecify.annotations.Nullable;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.task.TaskDefinition;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.operaton.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Tells the features, as Spring events in the engine's transaction, what happened in their processes: every model
 * deployed gets a built-in listener at its start, so an instance started by a call activity (a district campaign's
 * school) is known as surely as one a feature started itself.
 */
@Component
class ProcessEvents extends AbstractProcessEnginePlugin {

    private final ApplicationEventPublisher events;

    ProcessEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new BpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, created -> waiting(created,
                        created.getCreateTime().toInstant()));
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, done -> waiting(done, null));
                task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, gone -> waiting(gone, null));
            }

            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity definition) {
                String key = definition.getKey();
                definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
                        events.publishEvent(new ProcessStarted(key, execution.getProcessBusinessKey(),
                                execution.getProcessInstanceId())));
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void waiting(DelegateTask task, @Nullable Instant since) {
        DelegateExecution execution = task.getExecution();
        String processKey = ((ProcessDefinitionEntity) ((ExecutionEntity) execution).getProcessDefinition()).getKey();
        events.publishEvent(new StepWaiting(processKey, execution.getProcessBusinessKey(), task.getTaskDefinitionKey(),
                since));
    }
}

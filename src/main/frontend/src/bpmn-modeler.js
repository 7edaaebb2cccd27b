// The administrators' BPMN editor: bpmn-js's Modeler with the Camunda 7 properties panel and bpmnlint's
// recommended rules in the canvas. The lint configuration is packed at build time (build.mjs writes
// generated/bpmnlint-config.js), so nothing is resolved at run time.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import lintModule from 'bpmn-js-bpmnlint';
import bpmnlintConfig from '../generated/bpmnlint-config.js';

/** A Modeler in `canvas` with its properties panel in `properties`; linting starts switched on. */
export function createBpmnModeler({ canvas, properties }) {
  return new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: properties },
    linting: { bpmnlint: bpmnlintConfig, active: true },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      lintModule,
    ],
    moddleExtensions: { camunda: camundaModdle },
  });
}

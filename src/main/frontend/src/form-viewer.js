// The one browser library the workspace needs: form-js's viewer renders the stage forms (forms/*.form).
export { Form } from '@bpmn-io/form-js-viewer';

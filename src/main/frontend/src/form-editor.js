// The administrators' form editor for forms/*.form, the same form-js release as the workspace's viewer.
export { FormEditor } from '@bpmn-io/form-js-editor';

// The auditors' read-only diagram: bpmn-js's NavigatedViewer (pan and zoom, no editing).
export { default as NavigatedViewer } from 'bpmn-js/lib/NavigatedViewer';

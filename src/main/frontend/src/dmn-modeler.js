// The administrators' DMN editor (decision tables such as the benefit standards): dmn-js's Modeler.
export { default as DmnModeler } from 'dmn-js/lib/Modeler';

// <nianbao-check> element: importing nianbao-check.js defines it. Types live in nianbao.d.ts.
export { NianbaoCheck } from './nianbao.js';

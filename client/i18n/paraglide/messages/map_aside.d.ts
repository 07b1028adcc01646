/**
* | output |
* | --- |
* | "set aside by the facilitator: only you see it" |
*
* @param {Map_AsideInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_aside: ((inputs?: Map_AsideInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_AsideInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_AsideInputs = {};

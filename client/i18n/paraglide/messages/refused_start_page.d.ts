/**
* | output |
* | --- |
* | "Go to the start page" |
*
* @param {Refused_Start_PageInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const refused_start_page: ((inputs?: Refused_Start_PageInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Refused_Start_PageInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Refused_Start_PageInputs = {};

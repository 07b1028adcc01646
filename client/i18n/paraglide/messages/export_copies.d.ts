/**
* | output |
* | --- |
* | "Here is the roadmap as the room left it. Keep a copy:" |
*
* @param {Export_CopiesInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const export_copies: ((inputs?: Export_CopiesInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Export_CopiesInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Export_CopiesInputs = {};

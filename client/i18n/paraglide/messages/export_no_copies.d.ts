/**
* | output |
* | --- |
* | "The facilitator is exporting the roadmap. Here it is as the room left it." |
*
* @param {Export_No_CopiesInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const export_no_copies: ((inputs?: Export_No_CopiesInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Export_No_CopiesInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Export_No_CopiesInputs = {};

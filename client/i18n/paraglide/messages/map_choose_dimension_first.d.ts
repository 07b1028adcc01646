/**
* | output |
* | --- |
* | "Choose a dimension to see what each stage looks like on it." |
*
* @param {Map_Choose_Dimension_FirstInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_choose_dimension_first: ((inputs?: Map_Choose_Dimension_FirstInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Choose_Dimension_FirstInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Choose_Dimension_FirstInputs = {};

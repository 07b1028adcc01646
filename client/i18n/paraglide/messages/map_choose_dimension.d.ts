/**
* | output |
* | --- |
* | "Choose a dimension…" |
*
* @param {Map_Choose_DimensionInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_choose_dimension: ((inputs?: Map_Choose_DimensionInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Choose_DimensionInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Choose_DimensionInputs = {};

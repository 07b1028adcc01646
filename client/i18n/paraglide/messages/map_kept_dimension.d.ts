/**
* | output |
* | --- |
* | "Kept from your last card: change it if the next one belongs elsewhere." |
*
* @param {Map_Kept_DimensionInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_kept_dimension: ((inputs?: Map_Kept_DimensionInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Kept_DimensionInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Kept_DimensionInputs = {};

/**
* | output |
* | --- |
* | "Choose the stage that describes it best." |
*
* @param {Map_Need_StageInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const map_need_stage: ((inputs?: Map_Need_StageInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Map_Need_StageInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Map_Need_StageInputs = {};

/**
* | output |
* | --- |
* | "No workshop has that code. Check it with your facilitator." |
*
* @param {Join_No_WorkshopInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_no_workshop: ((inputs?: Join_No_WorkshopInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Join_No_WorkshopInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Join_No_WorkshopInputs = {};

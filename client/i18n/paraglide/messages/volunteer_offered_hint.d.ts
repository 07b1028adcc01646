/**
* | output |
* | --- |
* | "The facilitator confirms an owner." |
*
* @param {Volunteer_Offered_HintInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const volunteer_offered_hint: ((inputs?: Volunteer_Offered_HintInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Volunteer_Offered_HintInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Volunteer_Offered_HintInputs = {};

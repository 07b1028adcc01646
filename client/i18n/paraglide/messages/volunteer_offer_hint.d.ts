/**
* | output |
* | --- |
* | "Your name will show on the roadmap." |
*
* @param {Volunteer_Offer_HintInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const volunteer_offer_hint: ((inputs?: Volunteer_Offer_HintInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Volunteer_Offer_HintInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Volunteer_Offer_HintInputs = {};

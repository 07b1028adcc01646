/**
* | output |
* | --- |
* | "I'll take this" |
*
* @param {Volunteer_OfferInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const volunteer_offer: ((inputs?: Volunteer_OfferInputs, options?: {
    locale?: "en" | "de" | "fr";
}) => LocalizedString) & import("../runtime.js").MessageMetadata<Volunteer_OfferInputs, {
    locale?: "en" | "de" | "fr";
}, {}>;
export type LocalizedString = import("../runtime.js").LocalizedString;
export type Volunteer_OfferInputs = {};

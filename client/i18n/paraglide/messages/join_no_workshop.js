/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Join_No_WorkshopInputs */

const en_join_no_workshop = /** @type {(inputs: Join_No_WorkshopInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`No workshop has that code. Check it with your facilitator.`)
};

const de_join_no_workshop = /** @type {(inputs: Join_No_WorkshopInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Zu diesem Code gibt es keinen Workshop. Bitte prüfen Sie ihn mit Ihrer Moderation.`)
};

const fr_join_no_workshop = /** @type {(inputs: Join_No_WorkshopInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Aucun atelier ne porte ce code. Vérifiez-le auprès de votre animateur.`)
};

/**
* | output |
* | --- |
* | "No workshop has that code. Check it with your facilitator." |
*
* @param {Join_No_WorkshopInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const join_no_workshop = /** @type {((inputs?: Join_No_WorkshopInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Join_No_WorkshopInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_join_no_workshop(inputs)
	if (locale === "fr") return fr_join_no_workshop(inputs)
	return en_join_no_workshop(inputs)
});
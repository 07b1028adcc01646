/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{ step: NonNullable<unknown>, steps: NonNullable<unknown> }} App_StepInputs */

const en_app_step = /** @type {(inputs: App_StepInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Step ${i?.step} of ${i?.steps}`)
};

const de_app_step = /** @type {(inputs: App_StepInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Schritt ${i?.step} von ${i?.steps}`)
};

const fr_app_step = /** @type {(inputs: App_StepInputs) => LocalizedString} */ (i) => {
	return /** @type {LocalizedString} */ (`Étape ${i?.step} sur ${i?.steps}`)
};

/**
* | output |
* | --- |
* | "Step {step} of {steps}" |
*
* @param {App_StepInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_step = /** @type {((inputs: App_StepInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<App_StepInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_app_step(inputs)
	if (locale === "fr") return fr_app_step(inputs)
	return en_app_step(inputs)
});
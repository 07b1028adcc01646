/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} App_LockedInputs */

const en_app_locked = /** @type {(inputs: App_LockedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`The facilitator has paused changes for a moment. You can read, but not edit.`)
};

const de_app_locked = /** @type {(inputs: App_LockedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Die Moderation hat Änderungen kurz angehalten. Sie können lesen, aber nichts bearbeiten.`)
};

const fr_app_locked = /** @type {(inputs: App_LockedInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`L’animateur a suspendu les modifications un instant. Vous pouvez lire, mais pas modifier.`)
};

/**
* | output |
* | --- |
* | "The facilitator has paused changes for a moment. You can read, but not edit." |
*
* @param {App_LockedInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const app_locked = /** @type {((inputs?: App_LockedInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<App_LockedInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_app_locked(inputs)
	if (locale === "fr") return fr_app_locked(inputs)
	return en_app_locked(inputs)
});
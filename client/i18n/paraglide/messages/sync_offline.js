/* eslint-disable */
import { getLocale, experimentalStaticLocale } from '../runtime.js';

/** @typedef {import('../runtime.js').LocalizedString} LocalizedString */

/** @typedef {{}} Sync_OfflineInputs */

const en_sync_offline = /** @type {(inputs: Sync_OfflineInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Offline · reconnecting`)
};

const de_sync_offline = /** @type {(inputs: Sync_OfflineInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Offline · verbindet neu`)
};

const fr_sync_offline = /** @type {(inputs: Sync_OfflineInputs) => LocalizedString} */ () => {
	return /** @type {LocalizedString} */ (`Hors ligne · reconnexion`)
};

/**
* | output |
* | --- |
* | "Offline · reconnecting" |
*
* @param {Sync_OfflineInputs} inputs
* @param {{ locale?: "en" | "de" | "fr" }} options
* @returns {LocalizedString}
*/
export const sync_offline = /** @type {((inputs?: Sync_OfflineInputs, options?: { locale?: "en" | "de" | "fr" }) => LocalizedString) & import('../runtime.js').MessageMetadata<Sync_OfflineInputs, { locale?: "en" | "de" | "fr" }, {}>} */ ((inputs = {}, options = {}) => {
	const locale = experimentalStaticLocale ?? options.locale ?? getLocale()
	if (locale === "de") return de_sync_offline(inputs)
	if (locale === "fr") return fr_sync_offline(inputs)
	return en_sync_offline(inputs)
});
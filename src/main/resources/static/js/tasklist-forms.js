// Zeren: Camunda Forms with rows (dynamiclist) can be completed in Tasklist. Imported by Tasklist's scripts/config.js;
// see docs/webapps-l10n.md.
//
// Tasklist 7.24 disables 完成 whenever form-js reports a change whose errors object has any key
// (camTasklistFormCamunda: notifyFormValidated(!!Object.keys(errors).length)). form-js (lib/deps.js) records a field's
// errors at [fieldId, ...row indexes] and clears them by setting undefined there: for a field outside any list the key
// goes away, but for a field in a row it leaves {fieldId: []} behind (min-dash set creates the array, then deletes only
// the row's entry). So as soon as any field in a row changed - even with no error at all - 完成 stayed disabled and a
// click on it did nothing: no request, no message. The form's own validation on submit is unaffected.
//
// Here form-js's state keeps only the errors that hold a message: form-js's Form class (module 57661 of the 7.24
// bundle, as Tasklist requires it) is reached through webpack's chunk callback and its _setState prunes the empty
// entries. Should a later bundle not have that module or method, nothing is patched (FormRowsBrowserIT fails).
(function pruneEmptyFormErrors() {
  'use strict';

  var FORM_JS_MODULE = 57661;

  function hasMessage(value) {
    if (typeof value === 'string') {
      return true;
    }
    if (Array.isArray(value)) {
      return value.some(hasMessage);
    }
    if (value && typeof value === 'object') {
      return Object.keys(value).some(function (key) { return hasMessage(value[key]); });
    }
    return false;
  }

  function pruned(errors) {
    var kept = {};
    Object.keys(errors).forEach(function (key) {
      if (hasMessage(errors[key])) {
        kept[key] = errors[key];
      }
    });
    return kept;
  }

  function patch(require) {
    var Form;
    try {
      Form = require(FORM_JS_MODULE).Form;
    }
    catch (notThere) {
      return false;
    }
    if (typeof Form !== 'function' || typeof Form.prototype._setState !== 'function') {
      return false;
    }
    if (Form.prototype._setState.zerenPruned) {
      return true;
    }
    var setState = Form.prototype._setState;
    var patched = function (state) {
      if (state && state.errors && typeof state.errors === 'object') {
        state = Object.assign({}, state, { errors: pruned(state.errors) });
      }
      return setState.call(this, state);
    };
    patched.zerenPruned = true;
    Form.prototype._setState = patched;
    return true;
  }

  var attempts = 0;
  function tryPatch() {
    var chunks = self.webpackChunkcamunda_bpm_webapp;
    var done = false;
    if (chunks && typeof chunks.push === 'function') {
      // A chunk with no modules whose callback webpack runs at once with its require function.
      chunks.push([['zeren-tasklist-forms-' + attempts], {}, function (require) { done = patch(require); }]);
    }
    // Before Tasklist's bundles are in (not expected: config.js is loaded by them), try again shortly.
    if (!done && ++attempts < 50) {
      setTimeout(tryPatch, 200);
    }
  }

  tryPatch();
})();

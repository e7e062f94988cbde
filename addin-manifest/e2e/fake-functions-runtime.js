// Stands in for Office's custom-functions runtime in the end-to-end test: collects the functions functions.js
// associates (window.kostraTestFunctions), and gives OfficeRuntime.storage on the origin's localStorage, which the
// task pane's page shares, as Office shares its storage between an add-in's pane and its functions.
(function () {
  "use strict";
  function FunctionError(code, message) {
    this.code = code;
    this.message = message;
  }
  window.kostraTestFunctions = {};
  window.CustomFunctions = {
    associate: function (id, fn) { window.kostraTestFunctions[id] = fn; },
    Error: FunctionError,
    ErrorCode: { notAvailable: "#N/A", invalidValue: "#VALUE!" },
  };
  window.OfficeRuntime = {
    storage: {
      getItem: function (key) { return Promise.resolve(window.localStorage.getItem(key)); },
      setItem: function (key, value) { window.localStorage.setItem(key, value); return Promise.resolve(); },
      removeItem: function (key) { window.localStorage.removeItem(key); return Promise.resolve(); },
    },
  };
})();

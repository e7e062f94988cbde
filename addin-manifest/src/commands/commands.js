// The ribbon button only opens the task pane; Office still needs a function file that says it is ready.
Office.onReady(function () {});

// Starts Swagger UI from the settings the page carries; sends the CSRF token so that
// "Try it out" works with the browser session as well as with a Bearer token.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("swagger-settings").textContent);
  var csrfToken = document.body.dataset.csrfToken;
  config.dom_id = "#swagger-ui";
  config.presets = [SwaggerUIBundle.presets.apis];
  config.requestInterceptor = function (request) {
    if (csrfToken) {
      request.headers["X-CSRFToken"] = csrfToken;
    }
    return request;
  };
  window.ui = SwaggerUIBundle(config);
})();

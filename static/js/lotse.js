/*
 * Lotse: "Use my location" (progressive enhancement). Without JavaScript the search works by postcode,
 * place or typed coordinates; with it, a button asks the browser for the position, fills the lat/lon
 * fields (rounded to about 100 m) and submits the form. The server checks the position lies in Germany.
 */
(function () {
  "use strict";
  var box = document.querySelector("[data-lotse-geo]");
  if (!box || !("geolocation" in navigator)) {
    return;
  }
  var form = box.closest("form");
  var lat = form && form.querySelector("input[name=lat]");
  var lon = form && form.querySelector("input[name=lon]");
  var query = form && form.querySelector("input[name=q]");
  if (!lat || !lon) {
    return;
  }
  var button = document.createElement("button");
  button.type = "button";
  button.className = "button-secondary lotse-geo-button";
  button.textContent = box.getAttribute("data-label");
  var status = document.createElement("p");
  status.className = "lotse-geo-status";
  status.setAttribute("role", "status");
  box.appendChild(button);
  box.appendChild(status);

  function inGermany(latitude, longitude) {
    return latitude >= 47.2 && latitude <= 55.1 && longitude >= 5.8 && longitude <= 15.1;
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    status.textContent = box.getAttribute("data-busy");
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var latitude = position.coords.latitude;
        var longitude = position.coords.longitude;
        button.disabled = false;
        if (!inGermany(latitude, longitude)) {
          status.textContent = box.getAttribute("data-outside");
          return;
        }
        lat.value = latitude.toFixed(3);
        lon.value = longitude.toFixed(3);
        if (query) {
          query.value = "";
        }
        form.submit();
      },
      function () {
        button.disabled = false;
        status.textContent = box.getAttribute("data-denied");
        if (query) {
          query.focus();
        }
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
    );
  });
})();

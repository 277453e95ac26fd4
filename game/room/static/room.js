// The projector page follows the room: each drawing the host sends replaces the sections it names.
// The host escapes every trainee's word in the drawing; this script adds no text of its own.
"use strict";
(function () {
  const body = document.body;

  function apply(drawing) {
    for (const [name, html] of Object.entries(drawing.sections)) {
      const place = document.getElementById(name);
      if (place && place.innerHTML !== html) place.innerHTML = html;
    }
    body.dataset.focus = drawing.focus;
    body.dataset.version = String(drawing.version);
    markChoices(drawing);
  }

  function follow() {
    const source = new EventSource(body.dataset.events);
    source.onopen = () => body.classList.add("live");
    source.onerror = () => body.classList.remove("live");  // EventSource reconnects by itself
    source.onmessage = (event) => { body.classList.add("live"); apply(JSON.parse(event.data)); };
  }

  // The trainer's buttons: names on the projector, what the projector shows.
  const controls = document.getElementById("controls");

  function markChoices(drawing) {
    if (!controls) return;
    for (const button of controls.querySelectorAll("button[data-choice]")) {
      const now = button.dataset.choice === "names" ? String(drawing.names) : drawing.focus;
      button.classList.toggle("on", button.dataset.value === now);
    }
  }

  if (controls) {
    controls.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-choice]");
      if (!button) return;
      const value = button.dataset.choice === "names" ? button.dataset.value === "true" : button.dataset.value;
      fetch(controls.dataset.choices, {
        method: "POST", credentials: "same-origin", headers: {"content-type": "application/json"},
        body: JSON.stringify({[button.dataset.choice]: value}),
      });
    });
  }
  follow();
})();

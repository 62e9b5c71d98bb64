// interview-prep: a little help on top of pages that work without it.
"use strict";
(function () {
  // The error summary takes the focus, so a screen reader hears it first.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();

  // Job suggestions as you type, from the same search the command line uses.
  document.querySelectorAll("input[data-field-search]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null, last = "";
    input.addEventListener("input", function () {
      var query = input.value.trim();
      clearTimeout(timer);
      if (query.length < 2 || query === last) return;
      timer = setTimeout(function () {
        last = query;
        fetch("/api/fields?q=" + encodeURIComponent(query), { credentials: "omit" })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (found) {
            if (input.value.trim() !== query) return;
            list.textContent = "";
            found.forEach(function (match) {
              var option = document.createElement("option");
              option.value = match.id;
              option.label = match.title;
              option.textContent = match.title;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 150);
    });
  });

  // A copy button and a live character count for the text of an email or LinkedIn note.
  document.querySelectorAll("[data-character-count]").forEach(function (box) {
    var area = box.querySelector("textarea");
    var message = box.querySelector(".count-message");
    var limit = parseInt(box.getAttribute("data-limit"), 10);
    function count() {
      var used = Array.from(area.value).length;
      if (limit) {
        var left = limit - used;
        message.textContent = left >= 0
          ? "You have " + left + " characters left (limit " + limit + ")"
          : "You have " + (-left) + " characters too many (limit " + limit + ")";
        message.classList.toggle("over", left < 0);
      } else {
        message.textContent = used + " characters";
      }
    }
    area.addEventListener("input", count);
    count();
    var copy = box.querySelector("[data-copy]");
    if (copy && navigator.clipboard) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(area.value).then(function () {
          copy.textContent = "Copied";
          setTimeout(function () { copy.textContent = "Copy the text"; }, 2000);
        });
      });
    }
  });

  // Progress while a roster uploads and the sheets are made; the zip then downloads.
  document.querySelectorAll("form[data-progress]").forEach(function (form) {
    var box = form.querySelector("[data-progress-box]");
    var bar = box.querySelector("progress");
    var message = box.querySelector("[data-progress-message]");
    form.addEventListener("submit", function (event) {
      if (!window.FormData || !window.URL || !window.Blob) return;
      event.preventDefault();
      var request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.responseType = "blob";
      box.hidden = false;
      bar.value = 0;
      message.textContent = "Uploading the class list";
      request.upload.onprogress = function (e) {
        if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
      };
      request.upload.onload = function () {
        bar.removeAttribute("value");
        message.textContent = "Making the sheets; a class takes a minute or two";
      };
      request.onload = function () {
        var type = request.getResponseHeader("content-type") || "";
        if (request.status === 200 && type.indexOf("application/zip") === 0) {
          var link = document.createElement("a");
          link.href = URL.createObjectURL(request.response);
          var disposition = request.getResponseHeader("content-disposition") || "";
          var name = /filename="([^"]+)"/.exec(disposition);
          link.download = name ? name[1] : "sheets.zip";
          document.body.appendChild(link);
          link.click();
          link.remove();
          bar.value = 100;
          message.textContent = "Done: the zip file is in your downloads";
        } else {
          form.submit();  // let the server show its page: the problems, or "busy"
        }
      };
      request.onerror = function () { form.submit(); };
      request.send(new FormData(form));
    });
  });
})();

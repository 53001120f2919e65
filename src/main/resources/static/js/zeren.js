// Zeren workbench: every htmx request carries the page's CSRF token; a refused request shows its sentence.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// Server-side validation answers 422 with the form again (errors next to the fields): swap it in like a success.
document.addEventListener('htmx:beforeSwap', function (event) {
  if (event.detail.xhr.status === 422 || event.detail.xhr.status === 409) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

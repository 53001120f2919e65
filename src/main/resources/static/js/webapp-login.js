// Zeren: the Camunda webapps have no login of their own (one login, on Zeren's page). When a webapp shows its login
// route (after its logout, or when the session ended), the browser goes to Zeren's login page instead.
// Imported by each webapp's scripts/config.js.
function toZerenLogin() {
  if (window.location.hash.indexOf('#/login') === 0) {
    window.location.replace('/login?logout');
  }
}
toZerenLogin();
window.addEventListener('hashchange', toZerenLogin);

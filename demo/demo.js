// The demo page's own "Get help with …" buttons open the widget on that need through the
// host API. Calls made before the widget has loaded are queued by the loader.
for (const button of document.querySelectorAll('.need-button')) {
  button.addEventListener('click', () => {
    if (button.dataset.lang) window.ReferralAssistant?.setLanguage(button.dataset.lang);
    window.ReferralAssistant?.startWithNeed(button.dataset.need);
  });
}

/* Annuaire local: small progressive enhancements. Every page works without this file. */
(function () {
  'use strict'
  var $ = function (sel, root) { return (root || document).querySelector(sel) }
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)) }

  // A form sent back with errors: focus starts at their summary, which a screen reader then
  // reads first. After the page's load: going to its #formulaire anchor moves focus away.
  var errorSummary = $('.error-summary[tabindex]')
  if (errorSummary) {
    window.addEventListener('load', function () {
      setTimeout(function () { errorSummary.focus() }, 0)
    })
  }

  // Search filters: folded behind « Filtrer » on a phone, open on a wide screen.
  if (window.matchMedia && window.matchMedia('(min-width: 48em)').matches) {
    $$('details[data-open-wide]').forEach(function (details) { details.open = true })
  }

  // Print buttons (without JavaScript, the browser's own Print command does the same).
  $$('[data-print]').forEach(function (button) {
    button.hidden = false
    button.addEventListener('click', function () { window.print() })
  })

  // "Around my position": only with JavaScript and a browser that can locate.
  if ('geolocation' in navigator) {
    $$('.geo-only').forEach(function (el) { el.hidden = false })
    $$('[data-near-me]').forEach(function (button) {
      var status = document.createElement('span')
      status.setAttribute('role', 'status')
      status.className = 'hint'
      button.parentNode.appendChild(status)
      button.addEventListener('click', function () {
        var form = button.form || button.closest('form')
        status.textContent = ' Recherche de votre position…'
        navigator.geolocation.getCurrentPosition(function (pos) {
          var set = function (name, value) {
            var input = form.querySelector('input[name="' + name + '"]')
            if (!input) { input = document.createElement('input'); input.type = 'hidden'; input.name = name; form.appendChild(input) }
            input.value = value
          }
          // Rounded to about 100 m: enough for distances, less precise than the device.
          set('lat', pos.coords.latitude.toFixed(3))
          set('lng', pos.coords.longitude.toFixed(3))
          var commune = form.querySelector('[name="commune"]')
          if (commune) commune.disabled = true
          var radius = form.querySelector('[name="rayon"]')
          if (radius && !radius.value) radius.value = '10'
          form.submit()
        }, function () {
          status.textContent = ' Position indisponible : choisissez plutôt une commune dans la liste.'
        }, { timeout: 10000, maximumAge: 600000 })
      })
    })
  }

  // Instant results: the filters of the search page refresh the results without a reload.
  var form = $('form[data-instant]')
  var results = $('#resultats')
  if (form && results && window.fetch && window.DOMParser && window.history) {
    var timer = null
    var controller = null
    var announce = $('#annonce-resultats')
    var queryOf = function () {
      var params = new URLSearchParams()
      new FormData(form).forEach(function (value, key) { if (value !== '') params.append(key, value) })
      return params.toString()
    }
    var refresh = function () {
      var query = queryOf()
      var url = form.getAttribute('action') + (query ? '?' + query : '')
      if (controller) controller.abort()
      controller = window.AbortController ? new AbortController() : null
      results.setAttribute('aria-busy', 'true')
      fetch(url, { headers: { Accept: 'text/html' }, signal: controller ? controller.signal : undefined })
        .then(function (response) { return response.text() })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html')
          var fresh = doc.getElementById('resultats')
          if (!fresh) { window.location.href = url; return }
          results.innerHTML = fresh.innerHTML
          var facets = $('.facets'), freshFacets = doc.querySelector('.facets')
          if (facets && freshFacets) facets.innerHTML = freshFacets.innerHTML
          else if (facets) facets.remove()
          else if (freshFacets) form.parentNode.appendChild(freshFacets)
          var h1 = $('h1'), freshH1 = doc.querySelector('h1')
          if (h1 && freshH1) h1.textContent = freshH1.textContent
          document.title = doc.title
          window.history.replaceState(null, '', url)
          var count = $('#nombre-resultats')
          if (announce && count) announce.textContent = count.textContent
        })
        .catch(function () {})
        .then(function () { results.removeAttribute('aria-busy') })
    }
    var later = function (delay) { clearTimeout(timer); timer = setTimeout(refresh, delay) }
    form.addEventListener('change', function (event) { if (event.target.name !== 'q') later(50) })
    form.addEventListener('input', function (event) { if (event.target.name === 'q') later(400) })
  }
})()

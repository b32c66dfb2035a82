/* Annuaire local: draws [data-map] containers with Leaflet (served from /vendor). The page
   lists the same places as text; without JavaScript or tiles, nothing is lost. */
(function () {
  'use strict'
  var maps = Array.prototype.slice.call(document.querySelectorAll('[data-map]'))
  if (!maps.length || !document.head.appendChild) return
  var css = function (href) {
    var link = document.createElement('link'); link.rel = 'stylesheet'; link.href = href
    document.head.appendChild(link)
  }
  var js = function (src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script'); script.src = src; script.onload = resolve; script.onerror = reject
      document.head.appendChild(script)
    })
  }
  var cluster = maps.some(function (el) { return el.getAttribute('data-cluster') })
  css('/vendor/leaflet/leaflet.css')
  if (cluster) { css('/vendor/markercluster/MarkerCluster.css'); css('/vendor/markercluster/MarkerCluster.Default.css') }
  js('/vendor/leaflet/leaflet.js')
    .then(function () { return cluster ? js('/vendor/markercluster/leaflet.markercluster.js') : null })
    .then(function () { maps.forEach(draw) })
    .catch(function () { /* the list stays the way to find places */ })

  function popup(marker) {
    var box = document.createElement('div')
    var title = document.createElement(marker.href ? 'a' : 'strong')
    title.textContent = marker.title
    if (marker.href) title.href = marker.href
    box.appendChild(title)
    if (marker.detail) {
      var detail = document.createElement('div'); detail.textContent = marker.detail; box.appendChild(detail)
    }
    return box
  }

  function draw(el) {
    var markers = []
    try { markers = JSON.parse(el.getAttribute('data-markers') || '[]') } catch (e) { return }
    if (!markers.length) return
    el.hidden = false
    var note = el.nextElementSibling
    if (note && note.hasAttribute('data-map-note')) note.hidden = false
    el.setAttribute('role', 'region')
    el.setAttribute('aria-label', el.getAttribute('data-label') || 'Carte')
    var map = L.map(el, { scrollWheelZoom: false, zoomControl: false })
    L.control.zoom({ zoomInTitle: 'Zoomer', zoomOutTitle: 'Dézoomer' }).addTo(map)
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>')
    L.tileLayer(el.getAttribute('data-tiles'), { attribution: el.getAttribute('data-attribution'), maxZoom: 18 }).addTo(map)
    var group = el.getAttribute('data-cluster') && L.markerClusterGroup
      ? L.markerClusterGroup({
          showCoverageOnHover: false,
          iconCreateFunction: function (c) {
            var n = c.getChildCount()
            var size = n < 10 ? 'small' : n < 100 ? 'medium' : 'large'
            return L.divIcon({
              html: '<div><span>' + n + '<span class="sr-only"> lieux, zoomer pour les voir</span></span></div>',
              className: 'marker-cluster marker-cluster-' + size,
              iconSize: L.point(40, 40),
            })
          },
        })
      : L.featureGroup()
    markers.forEach(function (m) {
      group.addLayer(L.marker([m.lat, m.lng], { title: m.title, alt: m.title }).bindPopup(popup(m)))
    })
    group.addTo(map)
    if (markers.length === 1) map.setView([markers[0].lat, markers[0].lng], 14)
    else map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 14 })
  }
})()

// Map view for search results: a progressive enhancement. Without JavaScript the list has
// everything; with it, a button shows the same results as markers on background tiles.
(function () {
  'use strict';
  var slot = document.querySelector('[data-map]');
  if (!slot) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll('[data-lat][data-lon]'));
  if (cards.length === 0) return;
  var TILE = 256;

  function project(lat, lon, zoom) {
    var scale = TILE * Math.pow(2, zoom);
    var sin = Math.sin((lat * Math.PI) / 180);
    return {
      x: ((lon + 180) / 360) * scale,
      y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale,
    };
  }

  function draw(map) {
    var width = map.clientWidth || 320;
    var height = map.clientHeight || 320;
    var points = cards.map(function (card) {
      return { lat: Number(card.dataset.lat), lon: Number(card.dataset.lon), card: card };
    });
    var zoom = 14;
    for (; zoom > 6; zoom--) {
      var xs = points.map(function (p) { return project(p.lat, p.lon, zoom).x; });
      var ys = points.map(function (p) { return project(p.lat, p.lon, zoom).y; });
      if (Math.max.apply(null, xs) - Math.min.apply(null, xs) < width - 60 &&
          Math.max.apply(null, ys) - Math.min.apply(null, ys) < height - 60) break;
    }
    var projected = points.map(function (p) { return project(p.lat, p.lon, zoom); });
    var cx = (Math.min.apply(null, projected.map(function (p) { return p.x; })) + Math.max.apply(null, projected.map(function (p) { return p.x; }))) / 2;
    var cy = (Math.min.apply(null, projected.map(function (p) { return p.y; })) + Math.max.apply(null, projected.map(function (p) { return p.y; }))) / 2;
    var left = cx - width / 2;
    var top = cy - height / 2;
    var tiles = document.createElement('div');
    tiles.className = 'ww-map__tiles';
    tiles.setAttribute('aria-hidden', 'true');
    for (var tx = Math.floor(left / TILE); tx <= Math.floor((left + width) / TILE); tx++) {
      for (var ty = Math.floor(top / TILE); ty <= Math.floor((top + height) / TILE); ty++) {
        var img = document.createElement('img');
        img.alt = '';
        img.src = slot.dataset.tiles.replace('{z}', zoom).replace('{x}', tx).replace('{y}', ty);
        img.style.left = tx * TILE - left + 'px';
        img.style.top = ty * TILE - top + 'px';
        tiles.appendChild(img);
      }
    }
    map.appendChild(tiles);
    var list = document.createElement('ol');
    list.className = 'ww-map__markers';
    points.forEach(function (p, i) {
      var link = p.card.querySelector('h2 a, h3 a');
      if (!link) return;
      var item = document.createElement('li');
      var marker = document.createElement('a');
      marker.className = 'ww-map__marker';
      marker.href = link.getAttribute('href');
      marker.textContent = String(i + 1);
      marker.setAttribute('aria-label', (i + 1) + ': ' + link.textContent);
      marker.style.left = projected[i].x - left + 'px';
      marker.style.top = projected[i].y - top + 'px';
      item.appendChild(marker);
      list.appendChild(item);
    });
    map.appendChild(list);
  }

  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'utrecht-button utrecht-button--secondary-action';
  button.textContent = slot.dataset.label;
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', function () {
    var open = button.getAttribute('aria-expanded') === 'true';
    var existing = slot.querySelector('.ww-map');
    if (existing) existing.parentNode.removeChild(existing);
    button.setAttribute('aria-expanded', open ? 'false' : 'true');
    if (open) return;
    var map = document.createElement('div');
    map.className = 'ww-map';
    map.setAttribute('role', 'region');
    map.setAttribute('aria-label', slot.dataset.mapLabel);
    var credit = document.createElement('p');
    credit.className = 'ww-map__credit';
    credit.textContent = slot.dataset.attribution;
    slot.appendChild(map);
    draw(map);
    map.appendChild(credit);
  });
  slot.appendChild(button);
})();

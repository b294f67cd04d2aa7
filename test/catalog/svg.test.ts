// The process diagram as SVG: drawn for every service and sub-case in the catalog, and served at
// GET /api/catalog/:id/diagram.svg with problem+json for an unknown service or sub-case.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { definitions } from '../../src/services/index.ts';
import { toSvg, wrapText } from '../../src/core/diagram-svg.ts';
import { termLabel } from '../../src/core/diagram-layout.ts';
import { openApp, type App } from '../../src/app/context.ts';
import { buildServer } from '../../src/http/server.ts';
import { assertWellFormedXml, eachSubcase, tiny } from './fixtures.ts';

let app: App;
let server: FastifyInstance;

before(async () => {
  app = await openApp({ databaseUrl: ':memory:', caPassphrase: 'test-pass', publicUrl: 'http://127.0.0.1:0', dataDir: null }, { withoutCa: true, now: () => new Date('2026-11-23T10:00:00+05:00') });
  server = await buildServer(app);
});

after(async () => {
  await server.close();
  await app.close();
});

test('every sub-case of every service draws as a well-formed SVG with its lanes, steps and term labels', () => {
  for (const { svc, sc, label } of eachSubcase(definitions)) {
    const svg = toSvg(svc, sc.id);
    assertWellFormedXml(svg);
    assert.match(svg, /^<\?xml[^>]*\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /(?:href|src)="(?!#)/, `${label}: self-contained`);
    for (const st of sc.steps) {
      assert.ok(svg.includes(`id="Task_${sc.id}-${st.id}"`), `${label}: box for ${st.id}`);
      assert.ok(svg.includes(`>${termLabel(st.term, 'en').replace(/&/g, '&amp;')}</text>`), `${label}: term label of ${st.id}`);
    }
    for (const role of new Set(sc.steps.map((s) => s.role))) {
      const name = svc.roles.find((r) => r.id === role)!.name.en;
      // Lane names are drawn rotated in the lane's header, wrapped: the first word starts a line.
      const first = wrapText(name, 1000, 10, 1)[0]!.split(' ')[0]!;
      assert.ok(svg.includes(`">${first.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}`), `${label}: lane named ${name}`);
    }
  }
});

test('the tiny service shows "3 wd" on its review step and escapes its text', () => {
  const svg = toSvg(tiny(), 'issue');
  assertWellFormedXml(svg);
  assert.ok(svg.includes('>3 wd</text>'));
  assert.ok(svg.includes('&amp; draft'));
  assert.ok(toSvg(tiny(), 'issue', { lang: 'ru' }).includes('>3 р.д.</text>'));
});

test('GET /api/catalog/:id/diagram.svg answers image/svg+xml for every service and sub-case', async () => {
  for (const id of app.catalog.ids()) {
    const svc = app.catalog.inForce(id, app.now());
    if (!svc) continue;
    const whole = await server.inject({ method: 'GET', url: `/api/catalog/${id}/diagram.svg` });
    // The same diagram at the catalog's own address.
    const bare = await server.inject({ method: 'GET', url: `/catalog/${id}/diagram.svg` });
    assert.equal(bare.statusCode, 200);
    assert.match(String(bare.headers['content-type']), /^image\/svg\+xml/);
    assert.equal(bare.body, whole.body);
    assert.equal(whole.statusCode, 200, whole.body);
    assert.match(String(whole.headers['content-type']), /^image\/svg\+xml/);
    assertWellFormedXml(whole.body);
    for (const sc of svc.subcases) {
      for (const lang of ['kk', 'ru', 'en']) {
        const res = await server.inject({ method: 'GET', url: `/api/catalog/${id}/diagram.svg?subcase=${sc.id}&lang=${lang}` });
        assert.equal(res.statusCode, 200, res.body);
        assert.match(String(res.headers['content-type']), /^image\/svg\+xml/);
        assert.ok(res.body.includes(`id="Participant_${sc.id}"`));
        assert.ok(res.body.includes(`lang="${lang}"`));
      }
    }
  }
});

test('the diagram route answers problem+json 404 for an unknown service or sub-case, 400 for a bad language', async () => {
  const id = app.catalog.ids().find((x) => app.catalog.inForce(x, app.now()))!;
  const unknown = await server.inject({ method: 'GET', url: '/api/catalog/no-such-service/diagram.svg' });
  assert.equal(unknown.statusCode, 404);
  assert.match(String(unknown.headers['content-type']), /^application\/problem\+json/);
  assert.equal(unknown.json().rule, 'unknown_service');
  const sub = await server.inject({ method: 'GET', url: `/api/catalog/${id}/diagram.svg?subcase=no_such_subcase` });
  assert.equal(sub.statusCode, 404);
  assert.match(String(sub.headers['content-type']), /^application\/problem\+json/);
  assert.equal(sub.json().rule, 'unknown_subcase');
  assert.equal(sub.json().field, 'subcase');
  const lang = await server.inject({ method: 'GET', url: `/api/catalog/${id}/diagram.svg?lang=de` });
  assert.equal(lang.statusCode, 400);
  assert.match(String(lang.headers['content-type']), /^application\/problem\+json/);
});

/**
 * Print the nginx server block equivalent to the generated dist/_headers for a base path.
 *   node deploy/render-nginx.ts /explainer/ > deploy/nginx.conf
 * tests/unit/publish/publish-files.test.ts checks that deploy/nginx.conf is this output for /explainer/.
 */
import { renderNginxServer } from '../src/integrations/publish-files.ts';

process.stdout.write(renderNginxServer(process.argv[2] ?? process.env.BASE_PATH ?? '/explainer/'));

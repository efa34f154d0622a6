// npm run token -- --role admin|analyst|member [--ags 08421000] [--sub name] [--expires 8h]
// Signs a bearer token with JWT_SECRET (HS256), for local use and for sites without an identity
// provider. Production sites with one set JWT_JWKS_URL instead and let it issue the tokens.
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { loadConfig } from '../config.js';
import { agsSchema } from '../kernel/validation.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    ags: { type: 'string' },
    sub: { type: 'string' },
    expires: { type: 'string', default: '8h' },
  },
});
const config = loadConfig();
const fail = (message: string): never => {
  console.error(`token: ${message}`);
  process.exit(2);
};
if (config.auth.jwtSecret === undefined) fail('set JWT_SECRET (the same value the API runs with).');
const role = values.role ?? fail('give --role admin, analyst or member.');
if (!['admin', 'analyst', 'member'].includes(role)) fail(`unknown role '${role}': admin, analyst or member.`);
if (role === 'member' && !agsSchema.safeParse(values.ags).success) fail('a member needs --ags, the AGS of the municipality it acts for.');

let jwt = new SignJWT({ role, ...(role === 'member' ? { ags: values.ags } : {}) })
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject(values.sub ?? `${role}${role === 'member' ? `-${values.ags}` : ''}`)
  .setIssuedAt()
  .setExpirationTime(values.expires);
if (config.auth.issuer !== undefined) jwt = jwt.setIssuer(config.auth.issuer);
if (config.auth.audience !== undefined) jwt = jwt.setAudience(config.auth.audience);
console.log(await jwt.sign(new TextEncoder().encode(config.auth.jwtSecret)));

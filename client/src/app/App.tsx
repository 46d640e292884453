import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { SignInLinkPage } from '../features/auth/SignInLinkPage';
import { SessionProvider } from '../features/auth/SessionProvider';
import { GuestOnly, HomeRedirect, RequireRole } from './guards';
import { Layout } from './Layout';
import { ROUTES } from './routes';
import { NotFoundPage } from './StatusPages';

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<HomeRedirect />} />
            <Route
              path="/login"
              element={
                <GuestOnly>
                  <LoginPage />
                </GuestOnly>
              }
            />
            <Route
              path="/sign-in-link"
              element={
                <GuestOnly>
                  <SignInLinkPage />
                </GuestOnly>
              }
            />
            <Route
              path="/register"
              element={
                <GuestOnly>
                  <RegisterPage />
                </GuestOnly>
              }
            />
            {ROUTES.map(({ path, element, roles }) => (
              <Route key={path} path={path} element={roles ? <RequireRole roles={roles}>{element}</RequireRole> : element} />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
